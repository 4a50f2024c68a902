-- The PostgreSQL roles of a Scatter deployment (docs/security.md#least-privilege): scatter_owner owns the schema and
-- runs the Flyway migrations; scatter_app, the API's everyday user, may only read and write rows. Run it once as a
-- superuser in the API's database, the passwords given as psql variables from the environment, e.g.
--   psql -d scatter -v ON_ERROR_STOP=1 -v owner_password="$OWNER_PASSWORD" -v app_password="$APP_PASSWORD" \
--        -f deploy/postgres/roles.sql
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
