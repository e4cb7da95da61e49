using System.Globalization;
using System.Text;

namespace Pmg.Domain.Text;

/// <summary>
/// Letters of other alphabets that look like Latin ones (Cyrillic "а" in "Tarapаcá", Greek "Ο"), found the way
/// Unicode's UTS #39 does: a text's skeleton maps every look-alike to the Latin letter it imitates, so two texts with
/// the same skeleton look the same to a reader. The map holds the Cyrillic and Greek letters confusable with the
/// letters Spanish writes, plus a few Latin variants (dotless ı, script ɑ); compatibility forms (full-width "Ｔ")
/// are folded by NFKC first.
/// </summary>
public static class Confusables
{
    private static readonly Dictionary<char, (char Latin, string Script)> LookAlikes = Build();

    /// <summary>The text with every look-alike replaced by the Latin letter it imitates (accents kept), in NFC.</summary>
    public static string Skeleton(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var decomposed = text.Normalize(NormalizationForm.FormKD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            builder.Append(LookAlikes.TryGetValue(c, out var latin) ? latin.Latin : c);
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>
    /// The characters of <paramref name="text"/> that a Spanish name does not use — anything but Spanish letters
    /// (a–z, á é í ó ú ü ñ), digits, spaces and the punctuation names carry (' ´ ’ - . , ( ) : /) — each once, in order.
    /// </summary>
    public static IReadOnlyList<ForeignCharacter> NonSpanishCharacters(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var found = new List<ForeignCharacter>();
        var seen = new HashSet<Rune>();

        // A lone surrogate enumerates as U+FFFD, which is reported like any other foreign character.
        foreach (var rune in text.EnumerateRunes())
        {
            if (IsSpanish(rune) || !seen.Add(rune))
            {
                continue;
            }

            var lookAlike = rune.IsBmp && LookAlikes.TryGetValue((char)rune.Value, out var latin) ? latin : ((char Latin, string Script)?)null;
            found.Add(new ForeignCharacter(rune.ToString(), rune.Value, lookAlike?.Script, lookAlike?.Latin));
        }

        return found;
    }

    private const string SpanishExtras = "áéíóúüñÁÉÍÓÚÜÑ '´’‘-–.,():/\u00A0\t";

    private static bool IsSpanish(Rune rune) =>
        rune.IsAscii ? char.IsAsciiLetterOrDigit((char)rune.Value) || SpanishExtras.Contains((char)rune.Value, StringComparison.Ordinal)
        : rune.IsBmp && SpanishExtras.Contains((char)rune.Value, StringComparison.Ordinal);

    private static Dictionary<char, (char, string)> Build()
    {
        const string Cyrillic = "cirílica";
        const string Greek = "griega";
        const string Latin = "latina de otra variante";
        var map = new Dictionary<char, (char, string)>();
        void Add(string script, string pairs)
        {
            for (var i = 0; i < pairs.Length; i += 2)
            {
                map[pairs[i]] = (pairs[i + 1], script);
            }
        }

        // Lower and upper case: each look-alike followed by the Latin letter it imitates.
        Add(Cyrillic, "аaеeоoрpсcуyхxіiјjѕsԁdһhӏlԛqԝwҺhѡwӀlАAВBЕEКKМMНHОOРPСCТTХXІIЈJЅSУYԌGԚQԜW");
        Add(Greek, "αaοoνvιiκkρpυuϲcϳjΑAΒBΕEΖZΗHΙIΚKΜMΝNΟOΡPΤTΥYΧXϹC");
        Add(Latin, "ıiɑaɡgɩiʟLɪIꞮI");
        return map;
    }
}

/// <summary>A character a Spanish name does not use, for a message: the character, its code point, and when it imitates a Latin letter, the script it belongs to and that letter.</summary>
/// <param name="Text">The character itself.</param>
/// <param name="CodePoint">Its Unicode code point.</param>
/// <param name="Script">"cirílica", "griega"… when it is a look-alike; null otherwise.</param>
/// <param name="Imitates">The Latin letter it looks like; null when it is not a look-alike.</param>
public sealed record ForeignCharacter(string Text, int CodePoint, string? Script, char? Imitates)
{
    /// <summary>"«а» (U+0430, letra cirílica que imita la «a»)" or "«☃» (U+2603)".</summary>
    public override string ToString() =>
        Imitates is { } latin
            ? string.Create(CultureInfo.InvariantCulture, $"«{Text}» (U+{CodePoint:X4}, letra {Script} que imita la «{latin}»)")
            : string.Create(CultureInfo.InvariantCulture, $"«{Text}» (U+{CodePoint:X4})");
}
