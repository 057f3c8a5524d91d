namespace Monolith.Mechanic;

/// <summary>Thrown by <see cref="CrashPoints"/> in tests; nothing in the pipeline catches it, as nothing catches a real crash.</summary>
public sealed class SimulatedCrashException(string stage) : Exception($"simulated crash after {stage}");
