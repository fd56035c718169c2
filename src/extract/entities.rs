//! Dictionary matching of actors and places.
