using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using Pmg.Functions;

var builder = FunctionsApplication.CreateBuilder(args);

// ASP.NET Core integration: the portal's HTTP function gets the real HttpContext (antiforgery, multipart, cookies).
builder.ConfigureFunctionsWebApplication();
builder.Services.AddPmgFunctionsApp(builder.Configuration);
await builder.Build().RunAsync();
