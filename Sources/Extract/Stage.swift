// Extract stage
