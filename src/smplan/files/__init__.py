"""Writing files safely: atomic replacement keeping the file's owner, mode and attributes; companions never more readable than their plan."""
