import JXLint
