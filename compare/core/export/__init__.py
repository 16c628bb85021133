"""What a review produces: the cleaned article, reports of changes, aligned sentences."""
