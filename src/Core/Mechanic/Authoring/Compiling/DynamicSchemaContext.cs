using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Monolith.Mechanic;

/// <summary>A design-time context whose model is built from dynamic entity shapes; each instance builds its own model.</summary>
internal sealed class DynamicSchemaContext(DbContextOptions options, Action<ModelBuilder> configure) : DbContext(options)
{
    /// <summary>Keys the model cache per instance, so a previous and a next model never share a cached model.</summary>
    public Guid ModelKey { get; } = Guid.NewGuid();

    protected override void OnModelCreating(ModelBuilder modelBuilder) => configure(modelBuilder);

    /// <summary>Caches a model per context instance rather than per context type.</summary>
    internal sealed class PerInstanceModelCacheKey : IModelCacheKeyFactory
    {
        public object Create(DbContext context, bool designTime) =>
            (context is DynamicSchemaContext dynamic ? dynamic.ModelKey : (object)context.GetType(), designTime);
    }
}
