/// erdviz's own version.
public let erdvizVersion = "0.1.0"
