using Xunit.Abstractions;
using Xunit.Sdk;

namespace ChainGraph.Testing;

/// <summary>Discovers <see cref="EnvironmentFactAttribute"/> tests: skipped when a variable the class requires is unset.</summary>
public sealed class EnvironmentFactDiscoverer(IMessageSink diagnosticMessageSink) : IXunitTestCaseDiscoverer
{
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        ArgumentNullException.ThrowIfNull(discoveryOptions);
        ArgumentNullException.ThrowIfNull(testMethod);
        var display = discoveryOptions.MethodDisplayOrDefault();
        var displayOptions = discoveryOptions.MethodDisplayOptionsOrDefault();
        var missing = testMethod.TestClass.Class.GetCustomAttributes(typeof(RequiresEnvironmentAttribute).AssemblyQualifiedName)
            .Select(a => a.GetConstructorArguments().Cast<string>().ToArray())
            .Where(a => string.IsNullOrEmpty(Environment.GetEnvironmentVariable(a[0])))
            .Select(a => $"{a[1]} ({a[0]} is not set)")
            .ToList();
        yield return missing.Count == 0
            ? new XunitTestCase(diagnosticMessageSink, display, displayOptions, testMethod)
            : new SkippedTestCase(diagnosticMessageSink, display, displayOptions, testMethod, string.Join("; ", missing));
    }
}
