import ERDSchema
import ERDTestSupport
import Foundation
import Testing

/// The migrations story end to end, with the real atlas-provider-django: the test project at two
/// states of its models, and a live PostgreSQL loaded from the first state and then altered.
@Suite(.enabled(if: DjangoProject.available, "needs ERDVIZ_DJANGO_PYTHON (scripts/django-venv); make test sets it"))
struct DiffDjangoTests {
  static let provider = ["python", "manage.py", "atlas-provider-django", "--dialect", "postgresql"]

  /// The second state: a model added (Coupon), a nullable field added (Customer.phone), a field
  /// dropped (Profile.bio) and a foreign key added (Order.coupon).
  static func secondState(_ project: URL) throws {
    let models = project.appendingPathComponent("orders/models.py")
    var text = try String(contentsOf: models, encoding: .utf8)
    text = try ShopChange.edit(
      text, "class Customer(models.Model):\n",
      "class Coupon(models.Model):\n    code = models.CharField(max_length=20)\n\n\nclass Customer(models.Model):\n")
    text = try ShopChange.edit(
      text, "    email = models.EmailField(unique=True)\n",
      "    email = models.EmailField(unique=True)\n    phone = models.CharField(max_length=20, null=True)\n")
    text = try ShopChange.edit(text, "    bio = models.TextField(blank=True)\n", "")
    text = try ShopChange.edit(
      text, "    placed = models.DateTimeField()\n",
      "    placed = models.DateTimeField()\n    coupon = models.ForeignKey(Coupon, null=True, on_delete=models.SET_NULL)\n"
    )
    try Data(text.utf8).write(to: models)
  }

  /// Runs the provider in `project` and returns the PostgreSQL DDL it prints.
  static func ddl(_ project: URL, python: URL) throws -> [UInt8] {
    let result = try run(
      python, ["manage.py", "atlas-provider-django", "--dialect", "postgresql"],
      environment: DjangoProject.environment(python: python), in: project)
    try #require(result.status == 0, "provider: \(result.stderr)")
    return result.stdout
  }

  /// One line per edit, but a foreign-key field brings its column, the key and the index Django
  /// makes on it (named by a hash of the names, so the same in every run).
  static let expectedLines = [
    "+ table orders_coupon",
    "+ column orders_customer.phone",
    "+ column orders_order.coupon_id",
    "+ foreign key orders_order(coupon_id) → orders_coupon(id)",
    "+ index orders_order_coupon_id_5bddb887 on orders_order(coupon_id)",
    "− column orders_profile.bio",
  ]

  @Test func twoStatesOfTheModelsAreExactlyTheirChanges() throws {
    let python = try #require(DjangoProject.python, "ERDVIZ_DJANGO_PYTHON is not set: run scripts/django-venv")
    let project = try DjangoProject.copy()
    let first = project.deletingLastPathComponent().appendingPathComponent("first.sql")
    try Data(try Self.ddl(project, python: python)).write(to: first)
    try Self.secondState(project)
    let result = try run(
      Paths.binary, ["diff", first.path, "--new-exec", "--"] + Self.provider + ["-o", "change.json"],
      environment: DjangoProject.environment(python: python), in: project)
    #expect(result.status == 1, "\(result.stderr)")
    let summary = try run(
      Paths.binary, ["diff", first.path, "--new-exec", "--"] + Self.provider,
      environment: DjangoProject.environment(python: python), in: project)
    let lines = summary.stdoutText.split(separator: "\n").map(String.init)
    #expect(Array(lines.dropFirst()) == Self.expectedLines, "\(summary.stdoutText)")
    #expect(lines.first == "+1 table, +2 columns, −1 column, +1 foreign key, +1 index")
    let json = try JSONParser.parse(Array(try Data(contentsOf: project.appendingPathComponent("change.json"))))
    #expect(json["summary"]?["total"] == .int(6))
  }

  /// Drift: does the database match the models? Not after an ALTER TABLE behind Django's back.
  @Test(.enabled(if: TestPostgres.enabled, "needs the throwaway PostgreSQL (make test)"))
  func aLiveDatabaseDriftsFromTheModels() throws {
    let python = try #require(DjangoProject.python, "ERDVIZ_DJANGO_PYTHON is not set: run scripts/django-venv")
    let project = try DjangoProject.copy()
    let first = project.deletingLastPathComponent().appendingPathComponent("first.sql")
    try Data(try Self.ddl(project, python: python)).write(to: first)
    let database = try TestPostgres.createDatabase("drift")
    defer { TestPostgres.drop(database) }
    try TestPostgres.psql(file: first, database: database)
    let url = TestPostgres.url(database: database)
    let drift = { () throws -> RunResult in
      try run(
        Paths.binary, ["diff", url, "--new-exec", "--"] + Self.provider,
        environment: DjangoProject.environment(python: python), in: project)
    }
    let same = try drift()
    #expect(same.status == 0, "\(same.stderr)")
    #expect(same.stdoutText == "no change\n", "the database loaded from the models' DDL differs: \(same.stdoutText)")
    try TestPostgres.psql(
      """
      ALTER TABLE orders_customer ADD COLUMN phone varchar(20) NULL;
      ALTER TABLE orders_profile DROP COLUMN bio;
      ALTER TABLE orders_order ALTER COLUMN placed DROP NOT NULL;
      """, database: database)
    let drifted = try drift()
    #expect(drifted.status == 1, "\(drifted.stderr)")
    #expect(
      drifted.stdoutText
        == """
        +1 column, −1 column, 1 column changed
        − column orders_customer.phone
        ~ column orders_order.placed: null → not null
        + column orders_profile.bio

        """)
    #expect(!drifted.stdoutText.contains(TestPostgres.password) && !drifted.stderr.contains(TestPostgres.password))
  }
}
