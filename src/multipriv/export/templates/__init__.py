"""Files an export copies as they are (the VLMEvalKit dataset class)."""
