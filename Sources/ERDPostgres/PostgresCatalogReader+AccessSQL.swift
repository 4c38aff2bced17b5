extension SQL {
  /// Every grant on the selected schemas, their relations and columns, and their default
  /// privileges, one row per privilege (`aclexplode`): a NULL ACL holds only the owner's
  /// defaults, so it gives no row. Grantee 0 is PUBLIC.
  static let privileges = """
    WITH acl AS (
      SELECT 'r' AS kind, c.oid, NULL::name AS col, NULL::oid AS forrole, NULL::"char" AS objtype, c.relacl AS items
      FROM pg_class c
      WHERE c.relnamespace = ANY ($1::oid[]) AND c.relkind IN ('r', 'p', 'v', 'm', 'f') AND c.relacl IS NOT NULL
      UNION ALL
      SELECT 'c', a.attrelid, a.attname, NULL, NULL, a.attacl
      FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
      WHERE c.relnamespace = ANY ($1::oid[]) AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
        AND a.attacl IS NOT NULL AND a.attnum > 0 AND NOT a.attisdropped
      UNION ALL
      SELECT 'n', n.oid, NULL, NULL, NULL, n.nspacl
      FROM pg_namespace n WHERE n.oid = ANY ($1::oid[]) AND n.nspacl IS NOT NULL
      UNION ALL
      SELECT 'd', d.defaclnamespace, NULL, d.defaclrole, d.defaclobjtype, d.defaclacl
      FROM pg_default_acl d WHERE d.defaclnamespace = ANY ($1::oid[])
    )
    SELECT acl.kind, acl.oid, acl.col, pg_get_userbyid(acl.forrole), acl.objtype,
           CASE WHEN x.grantee = 0 THEN 'PUBLIC' ELSE pg_get_userbyid(x.grantee) END,
           x.privilege_type, x.is_grantable
    FROM acl, aclexplode(acl.items) x
    """

  /// Row-level security policies of the selected schemas' tables; role 0 is PUBLIC.
  static let policies = """
    SELECT p.polrelid, p.polname, p.polcmd, p.polpermissive,
           to_json(array(SELECT CASE WHEN r = 0 THEN 'PUBLIC' ELSE pg_get_userbyid(r) END
                         FROM unnest(p.polroles) r))::text,
           pg_get_expr(p.polqual, p.polrelid), pg_get_expr(p.polwithcheck, p.polrelid), ds.description
    FROM pg_policy p JOIN pg_class c ON c.oid = p.polrelid
    LEFT JOIN pg_description ds ON ds.objoid = p.oid AND ds.classoid = 'pg_policy'::regclass AND ds.objsubid = 0
    WHERE c.relnamespace = ANY ($1::oid[])
    """

  /// Functions, procedures, aggregates and window functions, those of extensions left out.
  static func routines(serverVersion: Int) -> String {
    let kind =
      serverVersion >= 110_000
      ? "p.prokind" : "CASE WHEN p.proisagg THEN 'a' WHEN p.proiswindow THEN 'w' ELSE 'f' END"
    return """
      SELECT n.nspname, p.proname, \(kind), pg_get_function_identity_arguments(p.oid),
             pg_get_function_result(p.oid), l.lanname, p.prosecdef, pg_get_userbyid(p.proowner), ds.description
      FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
      JOIN pg_language l ON l.oid = p.prolang
      LEFT JOIN pg_description ds ON ds.objoid = p.oid AND ds.classoid = 'pg_proc'::regclass AND ds.objsubid = 0
      WHERE p.pronamespace = ANY ($1::oid[])
        AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass
                        AND d.objid = p.oid AND d.deptype = 'e')
      """
  }

  /// Which role inherits which role's privileges: the member's `rolinherit` until PostgreSQL 16,
  /// then each membership's own `inherit_option`. The reader keeps those that lead to a role the
  /// catalog names.
  static func memberships(serverVersion: Int) -> String {
    let inherits = serverVersion >= 160_000 ? "m.inherit_option" : "r.rolinherit"
    return """
      SELECT r.rolname, pg_get_userbyid(m.roleid)
      FROM pg_auth_members m JOIN pg_roles r ON r.oid = m.member
      WHERE \(inherits)
      """
  }
}
