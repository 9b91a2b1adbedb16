//! wspolnota-app
