// Format stage
