using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace Pmg.Pipeline.Notifications;

/// <summary>A composed e-mail: subject, plain text and HTML.</summary>
/// <param name="Subject">Subject line.</param>
/// <param name="Text">Plain-text body.</param>
/// <param name="Html">HTML body.</param>
public sealed record EmailContent(string Subject, string Text, string Html);

/// <summary>
/// Writes the plain-text and HTML bodies side by side, so both say the same thing. Every value goes through
/// <see cref="HtmlEncoder"/> on the HTML side (form text is never markup); letters of every script stay readable
/// (í, ñ, «») instead of becoming numeric entities.
/// </summary>
internal sealed class EmailBody
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);
    private readonly StringBuilder _text = new();
    private readonly StringBuilder _html = new();
    private bool _inList;

    public EmailBody(string title)
    {
        _html.Append("<!DOCTYPE html><html lang=\"es\"><head><meta charset=\"utf-8\"><title>")
            .Append(Encode(title))
            .Append("</title></head><body style=\"font-family:Arial,Helvetica,sans-serif;font-size:14px;color:#222\">");
    }

    public EmailBody Paragraph(string text)
    {
        CloseList();
        _text.AppendLine(text).AppendLine();
        _html.Append("<p>").Append(Encode(text)).Append("</p>");
        return this;
    }

    public EmailBody Heading(string text)
    {
        CloseList();
        _text.AppendLine(text).AppendLine(new string('-', Math.Min(text.Length, 60)));
        _html.Append("<h3>").Append(Encode(text)).Append("</h3>");
        return this;
    }

    /// <summary>One numbered item with labelled lines (label → value); null values are left out.</summary>
    public EmailBody Item(int number, string title, params (string Label, string? Value)[] lines)
    {
        if (!_inList)
        {
            _html.Append("<ol>");
            _inList = true;
        }

        _text.Append(number).Append(". ").AppendLine(title);
        _html.Append("<li><strong>").Append(Encode(title)).Append("</strong><ul>");
        foreach (var (label, value) in lines)
        {
            if (value is null)
            {
                continue;
            }

            _text.Append("   ").Append(label).Append(": ").AppendLine(value);
            _html.Append("<li>").Append(Encode(label)).Append(": ").Append(Encode(value)).Append("</li>");
        }

        _text.AppendLine();
        _html.Append("</ul></li>");
        return this;
    }

    /// <summary>A bulleted list.</summary>
    public EmailBody Bullets(IEnumerable<string> lines)
    {
        CloseList();
        _html.Append("<ul>");
        foreach (var line in lines)
        {
            _text.Append("- ").AppendLine(line);
            _html.Append("<li>").Append(Encode(line)).Append("</li>");
        }

        _text.AppendLine();
        _html.Append("</ul>");
        return this;
    }

    public EmailContent Build(string subject)
    {
        CloseList();
        _html.Append("</body></html>");
        return new EmailContent(subject, _text.ToString().TrimEnd() + Environment.NewLine, _html.ToString());
    }

    private static string Encode(string text) => Encoder.Encode(text);

    private void CloseList()
    {
        if (_inList)
        {
            _html.Append("</ol>");
            _inList = false;
        }
    }
}
