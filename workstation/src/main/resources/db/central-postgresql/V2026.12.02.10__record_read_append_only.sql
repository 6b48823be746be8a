-- Who read a record through the service is only ever added to, like the audit it completes.
CREATE TRIGGER record_read_append_only BEFORE UPDATE OR DELETE ON record_read
    FOR EACH ROW EXECUTE FUNCTION shebao_refuse_change();
CREATE TRIGGER record_read_no_truncate BEFORE TRUNCATE ON record_read
    FOR EACH STATEMENT EXECUTE FUNCTION shebao_refuse_change();
