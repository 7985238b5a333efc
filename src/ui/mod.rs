//! Rendering: pure functions of state.
