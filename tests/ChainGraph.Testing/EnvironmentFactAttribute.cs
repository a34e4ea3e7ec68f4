using Xunit.Sdk;

namespace ChainGraph.Testing;

/// <summary>
/// A fact that honours its test class's <see cref="RequiresEnvironmentAttribute"/>: the shared
/// store contract runs on every store, and a store that needs a server is reported as skipped,
/// with the reason, where none is configured (xunit 2 cannot skip at run time).
/// </summary>
[XunitTestCaseDiscoverer("ChainGraph.Testing.EnvironmentFactDiscoverer", "ChainGraph.Testing")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class EnvironmentFactAttribute : FactAttribute;
