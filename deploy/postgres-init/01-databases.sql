-- One database per service (ARCHITECTURE §9): each subgraph owns its tables and runs its own migrations.
-- The postgres image runs this once, as POSTGRES_USER (the owner), when the data volume is empty.
CREATE DATABASE visual_workflow;
CREATE DATABASE visual_registry;
CREATE DATABASE visual_codegen;
CREATE DATABASE visual_debugger;
CREATE DATABASE visual_deployment;
CREATE DATABASE visual_assistant;
