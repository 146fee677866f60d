//! The continuity model (PRODUCT.md, "The continuity model").
