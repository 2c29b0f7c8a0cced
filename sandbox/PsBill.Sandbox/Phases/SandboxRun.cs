using PsBill.Sandbox.World;

namespace PsBill.Sandbox.Phases;

/// <summary>What the phases of one run share: the world, the settings, and where progress goes.</summary>
/// <param name="World">The started world.</param>
/// <param name="Progress">Progress lines for the console.</param>
public sealed record SandboxRun(SandboxWorld World, SandboxProgress Progress);
