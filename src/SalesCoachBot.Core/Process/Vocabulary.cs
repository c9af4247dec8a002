using System.Globalization;
using System.Text;
using SalesCoachBot.Core.Understanding;

namespace SalesCoachBot.Core.Process;

/// <summary>Normalizes the words a rep types so "Solution-Design", "solution design" and "SOLUTION_DESIGN" compare equal.</summary>
internal static class Vocabulary
{
    public static string Key(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                if (pendingSpace && builder.Length > 0)
                {
                    builder.Append(' ');
                }

                builder.Append(char.ToLowerInvariant(c));
                pendingSpace = false;
            }
            else
            {
                pendingSpace = true;
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// The one item whose keys come within a typing slip of <paramref name="key"/>: one edit from 5 letters, two from 9
    /// (the allowance of command words, so "negotiaton", "propsal" and "enterprize" are the words meant). Null when none
    /// does or when two are equally near: a slip never chooses between two names.
    /// </summary>
    public static T? NearestWithinSlip<T>(string key, IEnumerable<T> items, Func<T, IEnumerable<string>> keys)
        where T : class
    {
        var allowed = key.Length >= 9 ? 2 : key.Length >= 5 ? 1 : 0;
        if (allowed == 0)
        {
            return null;
        }

        var near = items
            .Select(item => (Item: item, Distance: keys(item).Min(k => EditDistance.DamerauLevenshtein(key, k))))
            .Where(c => c.Distance <= allowed)
            .OrderBy(c => c.Distance)
            .ToList();
        return near.Count == 0 || (near.Count > 1 && near[1].Distance == near[0].Distance && !ReferenceEquals(near[0].Item, near[1].Item))
            ? null
            : near[0].Item;
    }
}
