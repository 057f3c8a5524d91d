using Microsoft.AspNetCore.Http;
using Monolith.Database;
using Monolith.Http;
using Npgsql;

namespace Monolith.Tests.Core.Http;

/// <summary>Which PostgreSQL errors are passing conditions (503, retried when safe) and which are faults (never retried).</summary>
public sealed class TransientDatabaseErrorsAre503
{
    [Theory]
    [InlineData("57P01", true)]
    [InlineData("57P02", true)]
    [InlineData("57P03", true)]
    [InlineData("53300", true)]
    [InlineData("08006", true)]
    [InlineData("08001", true)]
    [InlineData("40001", true)]
    [InlineData("40P01", true)]
    [InlineData("55P03", false)]
    [InlineData("08007", false)]
    public void TransientStateIs503(string sqlState, bool retried)
    {
        var error = new PostgresException("test", "FATAL", "FATAL", sqlState);
        Assert.Equal(StatusCodes.Status503ServiceUnavailable, ProblemExceptionHandler.Describe(error).Status);
        Assert.Equal(StatusCodes.Status503ServiceUnavailable, ProblemExceptionHandler.Describe(new InvalidOperationException("wrapped", error)).Status);
        Assert.Equal(retried, TransientDatabaseFailure.IsRetryable(error));
    }

    [Theory]
    [InlineData("23505")]
    [InlineData("42P01")]
    [InlineData("22P02")]
    public void FaultOfTheRequestIsNeverRetried(string sqlState)
    {
        var error = new PostgresException("test", "ERROR", "ERROR", sqlState);
        Assert.False(TransientDatabaseFailure.IsTransient(error));
        Assert.False(TransientDatabaseFailure.IsRetryable(error));
        Assert.NotEqual(StatusCodes.Status503ServiceUnavailable, ProblemExceptionHandler.Describe(error).Status);
    }

    [Fact]
    public void RefusedConnectionIsRetriedButATimeoutIsNot()
    {
        Assert.True(TransientDatabaseFailure.IsRetryable(new NpgsqlException("Failed to connect", new System.Net.Sockets.SocketException(111))));
        Assert.False(TransientDatabaseFailure.IsRetryable(new NpgsqlException("The operation has timed out", new TimeoutException())));
        Assert.Equal(StatusCodes.Status503ServiceUnavailable, ProblemExceptionHandler.Describe(new NpgsqlException("Failed to connect", new System.Net.Sockets.SocketException(111))).Status);
    }
}
