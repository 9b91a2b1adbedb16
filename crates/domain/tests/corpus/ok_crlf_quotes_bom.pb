META
key;value
description;test
budget;100
vote_type;approval
max_length;2
PROJECTS
project_id;cost;name;extra
1;60;"""Quoted""; name";x
2;50.5;B;y
3;40;C;z
VOTES
voter_id;vote
v1;1,3
v2;1
v3;2,3
