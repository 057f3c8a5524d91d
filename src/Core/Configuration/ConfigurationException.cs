namespace Monolith.Configuration;

/// <summary>A setting that stops start-up; the message is one line that names the setting.</summary>
public sealed class ConfigurationException(string message) : Exception(message);
