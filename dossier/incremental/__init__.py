"""What one build knows of the last: dependency record, build cache, output writer, worker pool."""
