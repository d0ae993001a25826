//! The treem conformance suite and integration tests. Not published.
