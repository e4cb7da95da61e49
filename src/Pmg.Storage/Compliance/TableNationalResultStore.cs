using Azure;
using Azure.Data.Tables;
using Pmg.Pipeline.Compliance;
using Pmg.Pipeline.Ingestion;

namespace Pmg.Storage.Compliance;

/// <summary>NationalResults: PK <c>{service}|{year}</c>, RK section; replaced only with an ETag check.</summary>
internal sealed class TableNationalResultStore(StorageLayout layout) : INationalResultStore
{
    public async Task<IReadOnlyList<StoredNationalResult>> ListAsync(string service, int year, CancellationToken cancellationToken = default)
    {
        return await TableQueries.PartitionAsync(layout.NationalResults, SubmissionKeys.Partition(service, year), e => new StoredNationalResult(
                e.GetString("Service") ?? service,
                e.GetInt32("Year") ?? year,
                e.RowKey,
                e.GetString("Status") ?? "",
                e.GetInt32("Regions") ?? 0,
                e.GetInt32("Complying") ?? 0,
                e.GetString("Missing") ?? "",
                e.GetString("Basis") ?? "",
                e.GetDateTimeOffset("CalculatedAt") ?? default)
            {
                ETag = e.ETag.ToString(),
            },
            cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> TrySaveAsync(StoredNationalResult result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(result);
        var entity = new TableEntity(SubmissionKeys.Partition(result.Service, result.Year), result.Section)
        {
            ["Service"] = result.Service,
            ["Year"] = result.Year,
            ["Status"] = result.Status,
            ["Regions"] = result.Regions,
            ["Complying"] = result.Complying,
            ["Missing"] = result.Missing,
            ["Basis"] = result.Basis.Length > 30_000 ? result.Basis[..30_000] : result.Basis,
            ["CalculatedAt"] = result.CalculatedAt,
        };
        try
        {
            if (result.ETag is null)
            {
                await layout.NationalResults.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await layout.NationalResults.UpdateEntityAsync(entity, new ETag(result.ETag), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            }

            return true;
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412 or 404)
        {
            return false;
        }
    }
}
