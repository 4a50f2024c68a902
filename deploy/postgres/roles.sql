-- The PostgreSQL roles of a Scatter deployment (docs/security.md#least-privilege): scatter_owner owns the schema and
-- runs the Flyway migrations; scatter_app, the API's everyday user, may only read and write rows. Run it once as a
-- superuser in the API's database with psql 15 or later, which reads the passwords from the environment:
--   SCATTER_DB_OWNER_PASSWORD=... SCATTER_DB_APP_PASSWORD=... \
--   psql -d scatter -v ON_ERROR_STOP=1 -f deploy/postgres/roles.sql
\getenv owner_password SCATTER_DB_OWNER_PASSWORD
\getenv app_password SCATTER_DB_APP_PASSWORD
CREATE ROLE scatter_owner LOGIN PASSWORD :'owner_password';
CREATE ROLE scatter_app LOGIN PASSWORD :'app_password';
CREATE SCHEMA scatter AUTHORIZATION scatter_owner;
ALTER ROLE scatter_owner IN DATABASE :"DBNAME" SET search_path = scatter;
ALTER ROLE scatter_app IN DATABASE :"DBNAME" SET search_path = scatter;
REVOKE ALL ON DATABASE :"DBNAME" FROM PUBLIC;
GRANT CONNECT ON DATABASE :"DBNAME" TO scatter_owner, scatter_app;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA scatter TO scatter_app;
-- the tables and identity sequences the migrations create, now and later
ALTER DEFAULT PRIVILEGES FOR ROLE scatter_owner IN SCHEMA scatter
    GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO scatter_app;
ALTER DEFAULT PRIVILEGES FOR ROLE scatter_owner IN SCHEMA scatter
    GRANT USAGE, SELECT ON SEQUENCES TO scatter_app;
