using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using Pmg.Functions;

var builder = FunctionsApplication.CreateBuilder(args);
builder.Services.AddPmgFunctionsApp(builder.Configuration);
await builder.Build().RunAsync();
