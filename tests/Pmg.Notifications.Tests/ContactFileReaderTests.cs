using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Pmg.Pipeline.Notifications;
using Pmg.Testing;

namespace Pmg.Notifications.Tests;

/// <summary>Contacts files: the shipped sample, bad rows reported by number, and .xlsx workbooks.</summary>
public sealed class ContactFileReaderTests
{
    [Fact]
    public void Read_ShippedSample_EveryRowUsable()
    {
        var path = Path.Combine(Samples.RepositoryRoot, "samples", "contacts", "sernam-contactos.csv");
        using var file = File.OpenRead(path);

        var result = ContactFileReader.Read(file, path);

        Assert.Empty(result.Problems);
        Assert.Equal(28, result.Contacts.Count);
        var book = new ContactBook(result.Contacts);
        Assert.Equal("vif.valparaiso@example.org", book.FindUnit("CL-VS", "ENCARGADO REGIONAL DE VIF.")?.Emails.Single());
        Assert.Equal("mjh.tarapaca@example.org", book.FindUnit("CL-TA", "Unidad PMJH")?.Emails.Single());
        Assert.Equal("direccion.biobio@example.org", book.FindUnit("CL-BI", "Directora Regional")?.Emails.Single());
        Assert.Equal(["coordinacion.pmg@example.org", "gestion.territorial@example.org"], book.Coordinator()?.Emails);
    }

    [Fact]
    public void Read_CsvWithBadRows_ReportsRowNumbersAndReasons()
    {
        const string csv = "Servicio;Región;Unidad;Alias;Correos;Rol\n" +
            "SERNAM;Valparaíso;Encargada OIRS;;oirs@example.org;unidad\n" +
            "SERNAM;Narnia;Encargada OIRS;;oirs@example.org;unidad\n" +
            "\n" +
            "SERNAM;CL-VS;Profesional de apoyo;;no-es-correo;unidad\n" +
            "SERNAM;CL-VS;;;x@example.org;jefe de gabinete\n" +
            "SERNAM;CL-VS;encargada oirs;;otra@example.org;unidad\n";
        using var content = new MemoryStream(Encoding.UTF8.GetBytes(csv));

        var result = ContactFileReader.Read(content, "contactos.csv");

        var contact = Assert.Single(result.Contacts);
        Assert.Equal(("CL-VS", "Encargada OIRS"), (contact.RegionCode, contact.Unit));
        Assert.Collection(
            result.Problems,
            p => Assert.Equal(new ContactRowProblem(3, "La región «Narnia» no corresponde a ninguna región de Chile."), p),
            p => Assert.Equal(new ContactRowProblem(5, "«no-es-correo» no es una dirección de correo válida."), p),
            p => Assert.Equal(new ContactRowProblem(6, "El rol «jefe de gabinete» no es unidad, director regional ni coordinador nacional."), p),
            p => Assert.Equal(new ContactRowProblem(7, "«encargada oirs» ya aparece en la fila 2 para la región CL-VS; se usa la fila 2."), p));
    }

    [Fact]
    public void Read_Xlsx_RowsReadWithExcelRowNumbers()
    {
        using var content = Workbook(
            ["Servicio", "Región", "Unidad", "Alias", "Correos", "Rol"],
            ["SERNAM", "CL-TA", "Encargado MJH", "Unidad PMJH; Encargado del PMJH", "mjh.tarapaca@example.org", "Unidad"],
            ["SERNAM", "CL-TA", "", "", "direccion.tarapaca@example.org", "Directora regional"],
            ["SERNAM", "CL-TA", "Encargada OIRS", "", "", "unidad"]);

        var result = ContactFileReader.Read(content, "contactos.xlsx");

        Assert.Equal(2, result.Contacts.Count);
        Assert.Equal(["Unidad PMJH", "Encargado del PMJH"], result.Contacts[0].Aliases);
        Assert.Equal((ContactRole.RegionalDirector, "Dirección Regional"), (result.Contacts[1].Role, result.Contacts[1].Unit));
        Assert.Equal(new ContactRowProblem(4, "Falta al menos un correo."), Assert.Single(result.Problems));
    }

    [Fact]
    public void Read_NotAWorkbook_OneProblemNoException()
    {
        using var content = new MemoryStream(Encoding.UTF8.GetBytes("esto no es un libro"));

        var result = ContactFileReader.Read(content, "contactos.xlsx");

        Assert.Empty(result.Contacts);
        Assert.Equal("El archivo «contactos.xlsx» no se pudo abrir como libro de Excel (.xlsx): está dañado o tiene otro formato.", Assert.Single(result.Problems).Reason);
    }

    private static MemoryStream Workbook(params string[][] rows)
    {
        var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            for (var r = 0; r < rows.Length; r++)
            {
                var row = new Row { RowIndex = (uint)(r + 1) };
                for (var c = 0; c < rows[r].Length; c++)
                {
                    if (rows[r][c].Length == 0)
                    {
                        continue; // Excel leaves empty cells out: the reader must place the rest by reference.
                    }

                    row.Append(new Cell
                    {
                        CellReference = ((char)('A' + c)).ToString() + (r + 1),
                        DataType = CellValues.InlineString,
                        InlineString = new InlineString(new Text(rows[r][c])),
                    });
                }

                data.Append(row);
            }

            sheetPart.Worksheet = new Worksheet(data);
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = "Contactos" }));
        }

        stream.Position = 0;
        return stream;
    }
}
