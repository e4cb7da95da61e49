using System.Text.Json;
using Pmg.Pipeline.Json;
using Pmg.Pipeline.Status;

namespace Pmg.Cli.Tests;

/// <summary>
/// `pmg status --json` (and the portal's /api/status) byte for byte: names, order, two-decimal performances, ISO dates
/// with offset, nulls written, accents unescaped, two-space indentation — as the command wrote it before the status
/// became the pipeline's read model.
/// </summary>
public sealed class StatusJsonContractTests
{
    private static readonly DateTimeOffset Uploaded = new(2026, 11, 29, 5, 22, 33, TimeSpan.Zero);

    [Fact]
    public void StatusReport_Serialized_IsTheContractByteForByte()
    {
        var report = new StatusReport(
            [
                new ServiceYearStatus(
                    "SERNAM",
                    2009,
                    [
                        new RegionStatus(
                            new RegionRef("CL-TA", "Tarapacá"), "cierre.docx", "SERNAM/2009/CL-TA/cierre.docx", "37c4", Uploaded, "ana@sernam.cl", "accepted", 0, 21, 4,
                            [new RegionProgramStatus("III.1", ContractNumbers.TwoDecimals(96m), "CUMPLE"), new RegionProgramStatus("III.2", null, "INVALIDO")]),
                    ],
                    new NationalStatus(NationalSources.Computed, null, true, [new NationalProgramStatus("III.1", "NO CUMPLE", 2, 1, ["CL-AP"])])),
            ],
            [new UploadProblem("e503", "SERNAM/2009/CL-TA/informe.docx", "informe.docx", "SERNAM", 2009, null, "refused", Uploaded, Uploaded, null, ["parece un PDF"])],
            [new FailedNotification("digest", "SERNAM", 2009, "CL-TA", "vif@sernam.cl", "Asunto", 5, Uploaded, null)]);

        var json = JsonSerializer.Serialize(report, PmgJson.Contracts.StatusReport);

        Assert.Equal(
            """
            {
              "serviceYears": [
                {
                  "service": "SERNAM",
                  "year": 2009,
                  "regions": [
                    {
                      "region": {
                        "code": "CL-TA",
                        "name": "Tarapacá"
                      },
                      "file": "cierre.docx",
                      "blobName": "SERNAM/2009/CL-TA/cierre.docx",
                      "submissionId": "37c4",
                      "uploadedAt": "2026-11-29T05:22:33+00:00",
                      "uploader": "ana@sernam.cl",
                      "outcome": "accepted",
                      "errors": 0,
                      "warnings": 21,
                      "atRisk": 4,
                      "programs": [
                        {
                          "section": "III.1",
                          "performance": 96.00,
                          "status": "CUMPLE"
                        },
                        {
                          "section": "III.2",
                          "performance": null,
                          "status": "INVALIDO"
                        }
                      ]
                    }
                  ],
                  "national": {
                    "source": "computed",
                    "calculatedAt": null,
                    "upToDate": true,
                    "programs": [
                      {
                        "section": "III.1",
                        "status": "NO CUMPLE",
                        "regions": 2,
                        "complying": 1,
                        "missing": [
                          "CL-AP"
                        ]
                      }
                    ]
                  }
                }
              ],
              "problems": [
                {
                  "submissionId": "e503",
                  "blobName": "SERNAM/2009/CL-TA/informe.docx",
                  "file": "informe.docx",
                  "service": "SERNAM",
                  "year": 2009,
                  "region": null,
                  "outcome": "refused",
                  "uploadedAt": "2026-11-29T05:22:33+00:00",
                  "processedAt": "2026-11-29T05:22:33+00:00",
                  "uploader": null,
                  "reasons": [
                    "parece un PDF"
                  ]
                }
              ],
              "failedNotifications": [
                {
                  "kind": "digest",
                  "service": "SERNAM",
                  "year": 2009,
                  "region": "CL-TA",
                  "recipient": "vif@sernam.cl",
                  "subject": "Asunto",
                  "attempts": 5,
                  "updatedAt": "2026-11-29T05:22:33+00:00",
                  "error": null
                }
              ],
              "unprocessed": []
            }
            """.ReplaceLineEndings("\n"),
            json.ReplaceLineEndings("\n"));
    }
}
