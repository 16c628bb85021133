"""Reading files into documents and writing the user's files safely."""
