namespace ChainGraph.Testing;

/// <summary>
/// On a test class: its <see cref="EnvironmentFactAttribute"/> tests run only when the environment
/// variable is set, and are reported as skipped with the reason when it is not.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true)]
public sealed class RequiresEnvironmentAttribute(string variable, string reason) : Attribute
{
    public string Variable { get; } = variable;

    public string Reason { get; } = reason;
}
