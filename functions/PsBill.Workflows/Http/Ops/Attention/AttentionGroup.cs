namespace PsBill.Workflows.Http.Ops.Attention;

/// <summary>A group of the attention list as the overview shows it: what, how many, what to do.</summary>
/// <param name="Cause">The group's name (mapping, data, rejected, waiting, failed).</param>
/// <param name="Title">The heading.</param>
/// <param name="WhatToDo">What the operator does about it.</param>
/// <param name="ComesBackByItself">True when fixing the cause is enough.</param>
/// <param name="Count">How many records are in it now.</param>
public sealed record AttentionGroup(string Cause, string Title, string WhatToDo, bool ComesBackByItself, int Count)
{
    /// <summary>The group of <paramref name="cause"/> with its count.</summary>
    public static AttentionGroup Of(AttentionCause cause, int count)
    {
        ArgumentNullException.ThrowIfNull(cause);
        return new AttentionGroup(cause.Name, cause.Title, cause.WhatToDo, cause.ComesBackByItself, count);
    }
}
