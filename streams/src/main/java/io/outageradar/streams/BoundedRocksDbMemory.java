package io.outageradar.streams;

import java.util.Map;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;

/**
 * Bounds the off-heap memory of every RocksDB store of the process: one block cache shared by all
 * stores (index and filter blocks included, so they cannot grow outside it) and one write-buffer
 * manager charging memtables to the same cache. Without it each store gets its own cache and
 * memtables, and RSS grows with the number of stores and windows instead of staying flat.
 */
public final class BoundedRocksDbMemory implements RocksDBConfigSetter {
  /** Everything RocksDB may hold in memory, memtables included. */
  static final long TOTAL_OFF_HEAP_BYTES = 128L * 1024 * 1024;

  static final long TOTAL_MEMTABLE_BYTES = 32L * 1024 * 1024;
  private static final double INDEX_FILTER_BLOCK_RATIO = 0.1;

  // shared by every store of the JVM on purpose, and never closed: they live as long as the process
  private static final Cache CACHE =
      new LRUCache(TOTAL_OFF_HEAP_BYTES, -1, false, INDEX_FILTER_BLOCK_RATIO);
  private static final WriteBufferManager WRITE_BUFFERS =
      new WriteBufferManager(TOTAL_MEMTABLE_BYTES, CACHE);

  @Override
  public void setConfig(String storeName, Options options, Map<String, Object> configs) {
    BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
    table.setBlockCache(CACHE);
    table.setCacheIndexAndFilterBlocks(true);
    table.setCacheIndexAndFilterBlocksWithHighPriority(true);
    table.setPinTopLevelIndexAndFilter(true);
    options.setWriteBufferManager(WRITE_BUFFERS);
    options.setTableFormatConfig(table);
  }

  @Override
  public void close(String storeName, Options options) {
    // the cache and the write-buffer manager are shared: closing them here would break the other
    // stores
  }
}
