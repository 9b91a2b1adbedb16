//! wspolnota-testkit
