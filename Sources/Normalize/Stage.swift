// Normalize stage
