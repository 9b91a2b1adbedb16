//! The translations are compiled into the binary; rebuild when any of them changes.
fn main() {
    println!("cargo:rerun-if-changed=locales");
}
