import ERDFuzzTargets

/// libFuzzer's entry: one input through `FuzzTargets.run(.jsonCatalog, _:)`; a broken property traps.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  if let broken = FuzzTargets.run(.jsonCatalog, bytes) { fatalError(broken) }
  return 0
}
