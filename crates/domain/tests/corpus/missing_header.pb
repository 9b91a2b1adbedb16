META
key;value
description;test
budget;100
vote_type;approval
max_length;2
PROJECTS
