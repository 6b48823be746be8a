-- What proves what happened is only ever added to, whoever is connected (the owner included): the shipped audit
-- chains, the record of applied commands and the change log. An UPDATE or DELETE is refused by the database itself.
CREATE FUNCTION shebao_refuse_change() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'table % is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER shipped_audit_event_append_only BEFORE UPDATE OR DELETE ON shipped_audit_event
    FOR EACH ROW EXECUTE FUNCTION shebao_refuse_change();
CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION shebao_refuse_change();
CREATE TRIGGER applied_command_append_only BEFORE UPDATE OR DELETE ON applied_command
    FOR EACH ROW EXECUTE FUNCTION shebao_refuse_change();
CREATE TRIGGER change_log_append_only BEFORE UPDATE OR DELETE ON change_log
    FOR EACH ROW EXECUTE FUNCTION shebao_refuse_change();
-- TRUNCATE skips row triggers: a statement trigger refuses it too.
CREATE TRIGGER shipped_audit_event_no_truncate BEFORE TRUNCATE ON shipped_audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION shebao_refuse_change();
CREATE TRIGGER applied_command_no_truncate BEFORE TRUNCATE ON applied_command
    FOR EACH STATEMENT EXECUTE FUNCTION shebao_refuse_change();
CREATE TRIGGER change_log_no_truncate BEFORE TRUNCATE ON change_log
    FOR EACH STATEMENT EXECUTE FUNCTION shebao_refuse_change();
