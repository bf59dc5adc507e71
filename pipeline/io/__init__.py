"""Reading speeches and labelled data; writing annotation records."""
