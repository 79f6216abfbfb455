// Lint stage
