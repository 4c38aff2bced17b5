/// The catalog queries' text. `$1` is always the text array of selected schema OIDs.
///
/// Objects that belong to extensions (`pg_depend.deptype = 'e'`) are left out: they are not the
/// user's schema. Partition clones of constraints and triggers are left out too: the parent's
/// declaration is the one that counts.
///
/// Speed, measured at 5,000 tables: comments come from joins on `pg_description` (the
/// `obj_description` functions run a query per row), deparsing functions (`pg_get_constraintdef`,
/// `pg_get_indexdef`, `pg_get_expr`) run only on the rows that need their text, and key columns
/// come back as attribute numbers that the reader maps to names itself. A plain btree index on
/// columns gets no definition text: its keys and uniqueness say all of it.
enum SQL {
  static let session = """
    SELECT current_database(), current_setting('transaction_read_only'), current_setting('server_version_num')
    """

  static let schemas = """
    SELECT n.oid, n.nspname, obj_description(n.oid, 'pg_namespace'), has_schema_privilege(n.oid, 'USAGE'),
           pg_get_userbyid(n.nspowner)
    FROM pg_namespace n
    WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
      AND n.nspname NOT LIKE 'pg\\_temp\\_%' AND n.nspname NOT LIKE 'pg\\_toast\\_temp\\_%'
      AND ($1::text[] IS NULL OR n.nspname = ANY ($1::text[]))
      AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_namespace'::regclass
                      AND d.objid = n.oid AND d.deptype = 'e')
    ORDER BY n.nspname
    """

  static let relations = """
    SELECT c.oid, n.nspname, c.relname, c.relkind, c.relispartition,
           CASE WHEN c.relispartition THEN pg_get_expr(c.relpartbound, c.oid) END,
           CASE WHEN c.relkind = 'p' THEN pg_get_partkeydef(c.oid) END,
           ds.description, c.relpersistence,
           CASE WHEN c.relkind IN ('v', 'm') THEN pg_get_viewdef(c.oid, true) END,
           pg_get_userbyid(c.relowner), c.relrowsecurity, c.relforcerowsecurity
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    LEFT JOIN pg_description ds ON ds.objoid = c.oid AND ds.classoid = 'pg_class'::regclass AND ds.objsubid = 0
    WHERE c.relnamespace = ANY ($1::oid[]) AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
      AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass
                      AND d.objid = c.oid AND d.deptype = 'e')
    """

  /// Rows come in no particular order: sorting 30,000 rows spills to disk under the default
  /// `work_mem`, and the reader orders each table's columns by `attnum` itself.
  static let columns = """
    SELECT a.attrelid, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,
           CASE WHEN ad.adbin IS NOT NULL THEN pg_get_expr(ad.adbin, ad.adrelid) END,
           a.attidentity, a.attgenerated, ds.description,
           CASE WHEN a.attcollation <> 0 AND a.attcollation <> t.typcollation THEN co.collname END,
           CASE WHEN t.typtype = 'd' THEN format_type(t.typbasetype, t.typtypmod) END,
           owned.refobjid IS NOT NULL, a.attnum
    FROM pg_attribute a
    JOIN pg_class c ON c.oid = a.attrelid
    JOIN pg_type t ON t.oid = a.atttypid
    LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
    LEFT JOIN pg_collation co ON co.oid = a.attcollation
    LEFT JOIN pg_description ds ON ds.objoid = a.attrelid AND ds.classoid = 'pg_class'::regclass
                                AND ds.objsubid = a.attnum
    -- A serial column owns its sequence (deptype 'a'); an identity column's is internal ('i').
    LEFT JOIN (SELECT DISTINCT dep.refobjid, dep.refobjsubid FROM pg_depend dep
               JOIN pg_class s ON s.oid = dep.objid AND s.relkind = 'S'
               WHERE dep.classid = 'pg_class'::regclass AND dep.refclassid = 'pg_class'::regclass
                 AND dep.deptype = 'a') owned ON owned.refobjid = a.attrelid AND owned.refobjsubid = a.attnum
    WHERE c.relnamespace = ANY ($1::oid[]) AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
      AND a.attnum > 0 AND NOT a.attisdropped
    """

  static func constraints(serverVersion: Int) -> String {
    let nullsNotDistinct = serverVersion >= 150_000 ? "COALESCE(ix.indnullsnotdistinct, false)" : "false"
    return """
      SELECT con.conrelid, con.conname, con.contype, array_to_string(con.conkey, ' '),
             fn.nspname, fc.relname,
             CASE WHEN con.contype = 'f' AND NOT fc.relnamespace = ANY ($1::oid[]) THEN
               to_json(array(SELECT a.attname FROM unnest(con.confkey) WITH ORDINALITY k(num, pos)
                             JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.num
                             ORDER BY k.pos))::text END,
             con.confupdtype, con.confdeltype, con.confmatchtype, con.condeferrable, con.condeferred,
             CASE WHEN con.contype IN ('c', 'x') THEN pg_get_constraintdef(con.oid, true) END, ds.description,
             \(nullsNotDistinct), con.confrelid, array_to_string(con.confkey, ' ')
      FROM pg_constraint con
      JOIN pg_class c ON c.oid = con.conrelid
      LEFT JOIN pg_class fc ON fc.oid = con.confrelid
      LEFT JOIN pg_namespace fn ON fn.oid = fc.relnamespace
      LEFT JOIN pg_index ix ON ix.indexrelid = con.conindid
      LEFT JOIN pg_description ds ON ds.objoid = con.oid AND ds.classoid = 'pg_constraint'::regclass AND ds.objsubid = 0
      WHERE c.relnamespace = ANY ($1::oid[]) AND con.contype IN ('p', 'u', 'f', 'c', 'x')
        AND con.conparentid = 0 AND (con.contype <> 'c' OR con.conislocal)
      """
  }

  static let indexes = """
    SELECT i.indrelid, ic.relname, i.indisunique, am.amname,
           CASE WHEN i.indexprs IS NOT NULL THEN
             to_json(array(SELECT pg_get_indexdef(i.indexrelid, k, true)
                           FROM generate_series(1, i.indnkeyatts) k ORDER BY k))::text END,
           array_to_string((i.indkey::int2[])[0:i.indnkeyatts - 1], ' '),
           CASE WHEN i.indpred IS NOT NULL THEN pg_get_expr(i.indpred, i.indrelid) END,
           CASE WHEN i.indexprs IS NOT NULL OR i.indpred IS NOT NULL OR i.indnatts > i.indnkeyatts
                  OR am.amname <> 'btree' OR NOT (i.indoption::int2[] <@ '{0}'::int2[])
             THEN pg_get_indexdef(i.indexrelid) END,
           ds.description
    FROM pg_index i
    JOIN pg_class ic ON ic.oid = i.indexrelid
    JOIN pg_class c ON c.oid = i.indrelid
    JOIN pg_am am ON am.oid = ic.relam
    LEFT JOIN pg_description ds ON ds.objoid = i.indexrelid AND ds.classoid = 'pg_class'::regclass AND ds.objsubid = 0
    WHERE c.relnamespace = ANY ($1::oid[])
      AND NOT EXISTS (SELECT 1 FROM pg_constraint x WHERE x.conindid = i.indexrelid
                      AND x.conrelid = i.indrelid AND x.contype IN ('p', 'u', 'x'))
    """

  static func triggers(serverVersion: Int) -> String {
    let notClone = serverVersion >= 130_000 ? "AND t.tgparentid = 0" : ""
    return """
      SELECT t.tgrelid, t.tgname, t.tgtype, pg_get_triggerdef(t.oid, true), ds.description, fn.nspname, f.proname
      FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
      JOIN pg_proc f ON f.oid = t.tgfoid JOIN pg_namespace fn ON fn.oid = f.pronamespace
      LEFT JOIN pg_description ds ON ds.objoid = t.oid AND ds.classoid = 'pg_trigger'::regclass AND ds.objsubid = 0
      WHERE c.relnamespace = ANY ($1::oid[]) AND NOT t.tgisinternal \(notClone)
      """
  }

  static let dependencies = """
    SELECT DISTINCT r.ev_class, rn.nspname, rc.relname
    FROM pg_rewrite r
    JOIN pg_class v ON v.oid = r.ev_class
    JOIN pg_depend d ON d.classid = 'pg_rewrite'::regclass AND d.objid = r.oid
                     AND d.refclassid = 'pg_class'::regclass AND d.deptype = 'n'
    JOIN pg_class rc ON rc.oid = d.refobjid
    JOIN pg_namespace rn ON rn.oid = rc.relnamespace
    WHERE v.relnamespace = ANY ($1::oid[]) AND v.relkind IN ('v', 'm')
      AND d.refobjid <> r.ev_class AND rc.relkind IN ('r', 'p', 'v', 'm', 'f')
    """

  static let inheritance = """
    SELECT i.inhrelid, pn.nspname, p.relname
    FROM pg_inherits i
    JOIN pg_class c ON c.oid = i.inhrelid
    JOIN pg_class p ON p.oid = i.inhparent
    JOIN pg_namespace pn ON pn.oid = p.relnamespace
    WHERE c.relnamespace = ANY ($1::oid[]) AND c.relkind IN ('r', 'p', 'f')
    ORDER BY i.inhrelid, i.inhseqno
    """

  static let enums = """
    SELECT n.nspname, t.typname,
           to_json(array(SELECT e.enumlabel FROM pg_enum e WHERE e.enumtypid = t.oid ORDER BY e.enumsortorder))::text,
           obj_description(t.oid, 'pg_type')
    FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
    WHERE t.typtype = 'e' AND t.typnamespace = ANY ($1::oid[])
      AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_type'::regclass
                      AND d.objid = t.oid AND d.deptype = 'e')
    """

  static let domains = """
    SELECT n.nspname, t.typname, format_type(t.typbasetype, t.typtypmod), t.typnotnull, t.typdefault,
           to_json(array(SELECT json_build_array(c.conname, pg_get_constraintdef(c.oid, true))
                         FROM pg_constraint c WHERE c.contypid = t.oid ORDER BY c.conname))::text,
           obj_description(t.oid, 'pg_type')
    FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
    WHERE t.typtype = 'd' AND t.typnamespace = ANY ($1::oid[])
      AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_type'::regclass
                      AND d.objid = t.oid AND d.deptype = 'e')
    """
}
