//! wspolnota-store
