// Structure stage
