//! wspolnota-web
