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

    /// <summary>
    /// A table: in HTML with borders and each status cell (CUMPLE, NO CUMPLE, PENDIENTE, INVALIDO) in its colour; in
    /// text one line per row, "- first: second — third".
    /// </summary>
    public EmailBody Table(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string?>> rows)
    {
        CloseList();
        _html.Append("<table style=\"border-collapse:collapse;margin:4px 0 12px\"><thead><tr>");
        foreach (var header in headers)
        {
            _html.Append("<th style=\"").Append(CellStyle).Append(";background:#DDEBF7;text-align:left\">").Append(Encode(header)).Append("</th>");
        }

        _html.Append("</tr></thead><tbody>");
        foreach (var row in rows)
        {
            _html.Append("<tr>");
            foreach (var cell in row)
            {
                _html.Append("<td style=\"").Append(CellStyle).Append(StatusStyle(cell)).Append("\">").Append(Encode(cell ?? "")).Append("</td>");
            }

            _html.Append("</tr>");
            var values = row.Where(c => !string.IsNullOrEmpty(c)).ToArray();
            _text.Append("- ").Append(values.FirstOrDefault());
            if (values.Length > 1)
            {
                _text.Append(": ").AppendJoin(" — ", values.Skip(1));
            }

            _text.AppendLine();
        }

        _html.Append("</tbody></table>");
        _text.AppendLine();
        return this;
    }

    /// <summary>A sentence followed by a link: "Súbalo en el portal: https://…".</summary>
    public EmailBody Link(string text, string url)
    {
        CloseList();
        _text.Append(text).Append(": ").AppendLine(url).AppendLine();
        _html.Append("<p>").Append(Encode(text)).Append(": <a href=\"").Append(Encode(url)).Append("\">").Append(Encode(url)).Append("</a></p>");
        return this;
    }

    /// <summary>The colours of a status (the workbook's): background and text.</summary>
    public static (string Background, string Text)? StatusColours(string? status) => status switch
    {
        "CUMPLE" => ("#C6EFCE", "#006100"),
        "NO CUMPLE" => ("#FFC7CE", "#9C0006"),
        "PENDIENTE" => ("#FFEB9C", "#9C5700"),
        "INVALIDO" => ("#D9D9D9", "#404040"),
        _ => null,
    };

    private const string CellStyle = "border:1px solid #BFBFBF;padding:4px 8px;vertical-align:top";

    private static string StatusStyle(string? cell) =>
        StatusColours(cell) is var (background, text) ? ";background:" + background + ";color:" + text + ";font-weight:bold" : "";

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
