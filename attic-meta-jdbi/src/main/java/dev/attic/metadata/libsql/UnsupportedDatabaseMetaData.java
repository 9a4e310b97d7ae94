package dev.attic.metadata.libsql;

import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;

/**
 * The part of a {@link java.sql.DatabaseMetaData} this driver does not offer: every method throws
 * {@link SQLFeatureNotSupportedException} naming itself. Generated from the interface; the
 * subclass overrides what JDBI, Flyway and the metadata queries call.
 */
@SuppressWarnings({"unused", "deprecation"})
abstract class UnsupportedDatabaseMetaData implements java.sql.DatabaseMetaData {
    @Override
    public boolean allProceduresAreCallable() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.allProceduresAreCallable is not supported");
    }

    @Override
    public boolean allTablesAreSelectable() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.allTablesAreSelectable is not supported");
    }

    @Override
    public boolean autoCommitFailureClosesAllResultSets() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.autoCommitFailureClosesAllResultSets is not supported");
    }

    @Override
    public boolean dataDefinitionCausesTransactionCommit() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.dataDefinitionCausesTransactionCommit is not supported");
    }

    @Override
    public boolean dataDefinitionIgnoredInTransactions() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.dataDefinitionIgnoredInTransactions is not supported");
    }

    @Override
    public boolean deletesAreDetected(int p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.deletesAreDetected is not supported");
    }

    @Override
    public boolean doesMaxRowSizeIncludeBlobs() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.doesMaxRowSizeIncludeBlobs is not supported");
    }

    @Override
    public boolean generatedKeyAlwaysReturned() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.generatedKeyAlwaysReturned is not supported");
    }

    @Override
    public java.sql.ResultSet getAttributes(java.lang.String p0, java.lang.String p1, java.lang.String p2, java.lang.String p3) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.getAttributes is not supported");
    }

    @Override
    public java.sql.ResultSet getBestRowIdentifier(java.lang.String p0, java.lang.String p1, java.lang.String p2, int p3, boolean p4) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.getBestRowIdentifier is not supported");
    }

    @Override
    public java.lang.String getCatalogSeparator() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.getCatalogSeparator is not supported");
    }

    @Override
    public java.lang.String getCatalogTerm() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.getCatalogTerm is not supported");
    }

    @Override
    public java.sql.ResultSet getCatalogs() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.getCatalogs is not supported");
    }

    @Override
    public java.sql.ResultSet getClientInfoProperties() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.getClientInfoProperties is not supported");
    }

    @Override
    public java.sql.ResultSet getColumnPrivileges(java.lang.String p0, java.lang.String p1, java.lang.String p2, java.lang.String p3) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.getColumnPrivileges is not supported");
    }

    @Override
    public java.sql.ResultSet getColumns(java.lang.String p0, java.lang.String p1, java.lang.String p2, java.lang.String p3) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.getColumns is not supported");
    }

    @Override
    public java.sql.Connection getConnection() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.getConnection is not supported");
    }

    @Override
    public java.sql.ResultSet getCrossReference(java.lang.String p0, java.lang.String p1, java.lang.String p2, java.lang.String p3, java.lang.String p4, java.lang.String p5) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.getCrossReference is not supported");
    }

    @Override
    public int getDatabaseMajorVersion() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.getDatabaseMajorVersion is not supported");
    }

    @Override
    public int getDatabaseMinorVersion() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.getDatabaseMinorVersion is not supported");
    }

    @Override
    public java.lang.String getDatabaseProductName() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.getDatabaseProductName is not supported");
    }

    @Override
    public java.lang.String getDatabaseProductVersion() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.getDatabaseProductVersion is not supported");
    }

    @Override
    public int getDefaultTransactionIsolation() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.getDefaultTransactionIsolation is not supported");
    }

    @Override
    public java.lang.String getDriverName() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.getDriverName is not supported");
    }

    @Override
    public java.lang.String getDriverVersion() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.getDriverVersion is not supported");
    }

    @Override
    public java.sql.ResultSet getExportedKeys(java.lang.String p0, java.lang.String p1, java.lang.String p2) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.getExportedKeys is not supported");
    }

    @Override
    public java.lang.String getExtraNameCharacters() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.getExtraNameCharacters is not supported");
    }

    @Override
    public java.sql.ResultSet getFunctionColumns(java.lang.String p0, java.lang.String p1, java.lang.String p2, java.lang.String p3) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.getFunctionColumns is not supported");
    }

    @Override
    public java.sql.ResultSet getFunctions(java.lang.String p0, java.lang.String p1, java.lang.String p2) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.getFunctions is not supported");
    }

    @Override
    public java.lang.String getIdentifierQuoteString() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.getIdentifierQuoteString is not supported");
    }

    @Override
    public java.sql.ResultSet getImportedKeys(java.lang.String p0, java.lang.String p1, java.lang.String p2) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.getImportedKeys is not supported");
    }

    @Override
    public java.sql.ResultSet getIndexInfo(java.lang.String p0, java.lang.String p1, java.lang.String p2, boolean p3, boolean p4) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.getIndexInfo is not supported");
    }

    @Override
    public int getJDBCMajorVersion() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.getJDBCMajorVersion is not supported");
    }

    @Override
    public int getJDBCMinorVersion() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.getJDBCMinorVersion is not supported");
    }

    @Override
    public int getMaxBinaryLiteralLength() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.getMaxBinaryLiteralLength is not supported");
    }

    @Override
    public int getMaxCatalogNameLength() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.getMaxCatalogNameLength is not supported");
    }

    @Override
    public int getMaxCharLiteralLength() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.getMaxCharLiteralLength is not supported");
    }

    @Override
    public int getMaxColumnNameLength() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.getMaxColumnNameLength is not supported");
    }

    @Override
    public int getMaxColumnsInGroupBy() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.getMaxColumnsInGroupBy is not supported");
    }

    @Override
    public int getMaxColumnsInIndex() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.getMaxColumnsInIndex is not supported");
    }

    @Override
    public int getMaxColumnsInOrderBy() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.getMaxColumnsInOrderBy is not supported");
    }

    @Override
    public int getMaxColumnsInSelect() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.getMaxColumnsInSelect is not supported");
    }

    @Override
    public int getMaxColumnsInTable() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.getMaxColumnsInTable is not supported");
    }

    @Override
    public int getMaxConnections() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.getMaxConnections is not supported");
    }

    @Override
    public int getMaxCursorNameLength() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.getMaxCursorNameLength is not supported");
    }

    @Override
    public int getMaxIndexLength() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.getMaxIndexLength is not supported");
    }

    @Override
    public int getMaxProcedureNameLength() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.getMaxProcedureNameLength is not supported");
    }

    @Override
    public int getMaxRowSize() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.getMaxRowSize is not supported");
    }

    @Override
    public int getMaxSchemaNameLength() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.getMaxSchemaNameLength is not supported");
    }

    @Override
    public int getMaxStatementLength() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.getMaxStatementLength is not supported");
    }

    @Override
    public int getMaxStatements() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.getMaxStatements is not supported");
    }

    @Override
    public int getMaxTableNameLength() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.getMaxTableNameLength is not supported");
    }

    @Override
    public int getMaxTablesInSelect() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.getMaxTablesInSelect is not supported");
    }

    @Override
    public int getMaxUserNameLength() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.getMaxUserNameLength is not supported");
    }

    @Override
    public java.lang.String getNumericFunctions() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.getNumericFunctions is not supported");
    }

    @Override
    public java.sql.ResultSet getPrimaryKeys(java.lang.String p0, java.lang.String p1, java.lang.String p2) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.getPrimaryKeys is not supported");
    }

    @Override
    public java.sql.ResultSet getProcedureColumns(java.lang.String p0, java.lang.String p1, java.lang.String p2, java.lang.String p3) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.getProcedureColumns is not supported");
    }

    @Override
    public java.lang.String getProcedureTerm() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.getProcedureTerm is not supported");
    }

    @Override
    public java.sql.ResultSet getProcedures(java.lang.String p0, java.lang.String p1, java.lang.String p2) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.getProcedures is not supported");
    }

    @Override
    public java.sql.ResultSet getPseudoColumns(java.lang.String p0, java.lang.String p1, java.lang.String p2, java.lang.String p3) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.getPseudoColumns is not supported");
    }

    @Override
    public int getResultSetHoldability() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.getResultSetHoldability is not supported");
    }

    @Override
    public java.sql.RowIdLifetime getRowIdLifetime() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.getRowIdLifetime is not supported");
    }

    @Override
    public java.lang.String getSQLKeywords() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.getSQLKeywords is not supported");
    }

    @Override
    public int getSQLStateType() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.getSQLStateType is not supported");
    }

    @Override
    public java.lang.String getSchemaTerm() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.getSchemaTerm is not supported");
    }

    @Override
    public java.sql.ResultSet getSchemas() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.getSchemas is not supported");
    }

    @Override
    public java.sql.ResultSet getSchemas(java.lang.String p0, java.lang.String p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.getSchemas is not supported");
    }

    @Override
    public java.lang.String getSearchStringEscape() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.getSearchStringEscape is not supported");
    }

    @Override
    public java.lang.String getStringFunctions() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.getStringFunctions is not supported");
    }

    @Override
    public java.sql.ResultSet getSuperTables(java.lang.String p0, java.lang.String p1, java.lang.String p2) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.getSuperTables is not supported");
    }

    @Override
    public java.sql.ResultSet getSuperTypes(java.lang.String p0, java.lang.String p1, java.lang.String p2) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.getSuperTypes is not supported");
    }

    @Override
    public java.lang.String getSystemFunctions() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.getSystemFunctions is not supported");
    }

    @Override
    public java.sql.ResultSet getTablePrivileges(java.lang.String p0, java.lang.String p1, java.lang.String p2) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.getTablePrivileges is not supported");
    }

    @Override
    public java.sql.ResultSet getTableTypes() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.getTableTypes is not supported");
    }

    @Override
    public java.sql.ResultSet getTables(java.lang.String p0, java.lang.String p1, java.lang.String p2, java.lang.String[] p3) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.getTables is not supported");
    }

    @Override
    public java.lang.String getTimeDateFunctions() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.getTimeDateFunctions is not supported");
    }

    @Override
    public java.sql.ResultSet getTypeInfo() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.getTypeInfo is not supported");
    }

    @Override
    public java.sql.ResultSet getUDTs(java.lang.String p0, java.lang.String p1, java.lang.String p2, int[] p3) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.getUDTs is not supported");
    }

    @Override
    public java.lang.String getURL() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.getURL is not supported");
    }

    @Override
    public java.lang.String getUserName() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.getUserName is not supported");
    }

    @Override
    public java.sql.ResultSet getVersionColumns(java.lang.String p0, java.lang.String p1, java.lang.String p2) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.getVersionColumns is not supported");
    }

    @Override
    public boolean insertsAreDetected(int p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.insertsAreDetected is not supported");
    }

    @Override
    public boolean isCatalogAtStart() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.isCatalogAtStart is not supported");
    }

    @Override
    public boolean isReadOnly() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.isReadOnly is not supported");
    }

    @Override
    public boolean isWrapperFor(java.lang.Class<?> p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: Wrapper.isWrapperFor is not supported");
    }

    @Override
    public boolean locatorsUpdateCopy() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.locatorsUpdateCopy is not supported");
    }

    @Override
    public boolean nullPlusNonNullIsNull() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.nullPlusNonNullIsNull is not supported");
    }

    @Override
    public boolean nullsAreSortedAtEnd() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.nullsAreSortedAtEnd is not supported");
    }

    @Override
    public boolean nullsAreSortedAtStart() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.nullsAreSortedAtStart is not supported");
    }

    @Override
    public boolean nullsAreSortedHigh() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.nullsAreSortedHigh is not supported");
    }

    @Override
    public boolean nullsAreSortedLow() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.nullsAreSortedLow is not supported");
    }

    @Override
    public boolean othersDeletesAreVisible(int p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.othersDeletesAreVisible is not supported");
    }

    @Override
    public boolean othersInsertsAreVisible(int p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.othersInsertsAreVisible is not supported");
    }

    @Override
    public boolean othersUpdatesAreVisible(int p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.othersUpdatesAreVisible is not supported");
    }

    @Override
    public boolean ownDeletesAreVisible(int p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.ownDeletesAreVisible is not supported");
    }

    @Override
    public boolean ownInsertsAreVisible(int p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.ownInsertsAreVisible is not supported");
    }

    @Override
    public boolean ownUpdatesAreVisible(int p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.ownUpdatesAreVisible is not supported");
    }

    @Override
    public boolean storesLowerCaseIdentifiers() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.storesLowerCaseIdentifiers is not supported");
    }

    @Override
    public boolean storesLowerCaseQuotedIdentifiers() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.storesLowerCaseQuotedIdentifiers is not supported");
    }

    @Override
    public boolean storesMixedCaseIdentifiers() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.storesMixedCaseIdentifiers is not supported");
    }

    @Override
    public boolean storesMixedCaseQuotedIdentifiers() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.storesMixedCaseQuotedIdentifiers is not supported");
    }

    @Override
    public boolean storesUpperCaseIdentifiers() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.storesUpperCaseIdentifiers is not supported");
    }

    @Override
    public boolean storesUpperCaseQuotedIdentifiers() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.storesUpperCaseQuotedIdentifiers is not supported");
    }

    @Override
    public boolean supportsANSI92EntryLevelSQL() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.supportsANSI92EntryLevelSQL is not supported");
    }

    @Override
    public boolean supportsANSI92FullSQL() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.supportsANSI92FullSQL is not supported");
    }

    @Override
    public boolean supportsANSI92IntermediateSQL() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.supportsANSI92IntermediateSQL is not supported");
    }

    @Override
    public boolean supportsAlterTableWithAddColumn() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.supportsAlterTableWithAddColumn is not supported");
    }

    @Override
    public boolean supportsAlterTableWithDropColumn() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.supportsAlterTableWithDropColumn is not supported");
    }

    @Override
    public boolean supportsBatchUpdates() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.supportsBatchUpdates is not supported");
    }

    @Override
    public boolean supportsCatalogsInDataManipulation() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.supportsCatalogsInDataManipulation is not supported");
    }

    @Override
    public boolean supportsCatalogsInIndexDefinitions() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.supportsCatalogsInIndexDefinitions is not supported");
    }

    @Override
    public boolean supportsCatalogsInPrivilegeDefinitions() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.supportsCatalogsInPrivilegeDefinitions is not supported");
    }

    @Override
    public boolean supportsCatalogsInProcedureCalls() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.supportsCatalogsInProcedureCalls is not supported");
    }

    @Override
    public boolean supportsCatalogsInTableDefinitions() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.supportsCatalogsInTableDefinitions is not supported");
    }

    @Override
    public boolean supportsColumnAliasing() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.supportsColumnAliasing is not supported");
    }

    @Override
    public boolean supportsConvert() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.supportsConvert is not supported");
    }

    @Override
    public boolean supportsConvert(int p0, int p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.supportsConvert is not supported");
    }

    @Override
    public boolean supportsCoreSQLGrammar() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.supportsCoreSQLGrammar is not supported");
    }

    @Override
    public boolean supportsCorrelatedSubqueries() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.supportsCorrelatedSubqueries is not supported");
    }

    @Override
    public boolean supportsDataDefinitionAndDataManipulationTransactions() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.supportsDataDefinitionAndDataManipulationTransactions is not supported");
    }

    @Override
    public boolean supportsDataManipulationTransactionsOnly() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.supportsDataManipulationTransactionsOnly is not supported");
    }

    @Override
    public boolean supportsDifferentTableCorrelationNames() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.supportsDifferentTableCorrelationNames is not supported");
    }

    @Override
    public boolean supportsExpressionsInOrderBy() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.supportsExpressionsInOrderBy is not supported");
    }

    @Override
    public boolean supportsExtendedSQLGrammar() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.supportsExtendedSQLGrammar is not supported");
    }

    @Override
    public boolean supportsFullOuterJoins() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.supportsFullOuterJoins is not supported");
    }

    @Override
    public boolean supportsGetGeneratedKeys() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.supportsGetGeneratedKeys is not supported");
    }

    @Override
    public boolean supportsGroupBy() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.supportsGroupBy is not supported");
    }

    @Override
    public boolean supportsGroupByBeyondSelect() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.supportsGroupByBeyondSelect is not supported");
    }

    @Override
    public boolean supportsGroupByUnrelated() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.supportsGroupByUnrelated is not supported");
    }

    @Override
    public boolean supportsIntegrityEnhancementFacility() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.supportsIntegrityEnhancementFacility is not supported");
    }

    @Override
    public boolean supportsLikeEscapeClause() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.supportsLikeEscapeClause is not supported");
    }

    @Override
    public boolean supportsLimitedOuterJoins() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.supportsLimitedOuterJoins is not supported");
    }

    @Override
    public boolean supportsMinimumSQLGrammar() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.supportsMinimumSQLGrammar is not supported");
    }

    @Override
    public boolean supportsMixedCaseIdentifiers() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.supportsMixedCaseIdentifiers is not supported");
    }

    @Override
    public boolean supportsMixedCaseQuotedIdentifiers() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.supportsMixedCaseQuotedIdentifiers is not supported");
    }

    @Override
    public boolean supportsMultipleOpenResults() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.supportsMultipleOpenResults is not supported");
    }

    @Override
    public boolean supportsMultipleResultSets() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.supportsMultipleResultSets is not supported");
    }

    @Override
    public boolean supportsMultipleTransactions() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.supportsMultipleTransactions is not supported");
    }

    @Override
    public boolean supportsNamedParameters() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.supportsNamedParameters is not supported");
    }

    @Override
    public boolean supportsNonNullableColumns() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.supportsNonNullableColumns is not supported");
    }

    @Override
    public boolean supportsOpenCursorsAcrossCommit() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.supportsOpenCursorsAcrossCommit is not supported");
    }

    @Override
    public boolean supportsOpenCursorsAcrossRollback() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.supportsOpenCursorsAcrossRollback is not supported");
    }

    @Override
    public boolean supportsOpenStatementsAcrossCommit() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.supportsOpenStatementsAcrossCommit is not supported");
    }

    @Override
    public boolean supportsOpenStatementsAcrossRollback() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.supportsOpenStatementsAcrossRollback is not supported");
    }

    @Override
    public boolean supportsOrderByUnrelated() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.supportsOrderByUnrelated is not supported");
    }

    @Override
    public boolean supportsOuterJoins() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.supportsOuterJoins is not supported");
    }

    @Override
    public boolean supportsPositionedDelete() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.supportsPositionedDelete is not supported");
    }

    @Override
    public boolean supportsPositionedUpdate() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.supportsPositionedUpdate is not supported");
    }

    @Override
    public boolean supportsResultSetConcurrency(int p0, int p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.supportsResultSetConcurrency is not supported");
    }

    @Override
    public boolean supportsResultSetHoldability(int p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.supportsResultSetHoldability is not supported");
    }

    @Override
    public boolean supportsResultSetType(int p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.supportsResultSetType is not supported");
    }

    @Override
    public boolean supportsSavepoints() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.supportsSavepoints is not supported");
    }

    @Override
    public boolean supportsSchemasInDataManipulation() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.supportsSchemasInDataManipulation is not supported");
    }

    @Override
    public boolean supportsSchemasInIndexDefinitions() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.supportsSchemasInIndexDefinitions is not supported");
    }

    @Override
    public boolean supportsSchemasInPrivilegeDefinitions() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.supportsSchemasInPrivilegeDefinitions is not supported");
    }

    @Override
    public boolean supportsSchemasInProcedureCalls() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.supportsSchemasInProcedureCalls is not supported");
    }

    @Override
    public boolean supportsSchemasInTableDefinitions() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.supportsSchemasInTableDefinitions is not supported");
    }

    @Override
    public boolean supportsSelectForUpdate() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.supportsSelectForUpdate is not supported");
    }

    @Override
    public boolean supportsStatementPooling() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.supportsStatementPooling is not supported");
    }

    @Override
    public boolean supportsStoredFunctionsUsingCallSyntax() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.supportsStoredFunctionsUsingCallSyntax is not supported");
    }

    @Override
    public boolean supportsStoredProcedures() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.supportsStoredProcedures is not supported");
    }

    @Override
    public boolean supportsSubqueriesInComparisons() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.supportsSubqueriesInComparisons is not supported");
    }

    @Override
    public boolean supportsSubqueriesInExists() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.supportsSubqueriesInExists is not supported");
    }

    @Override
    public boolean supportsSubqueriesInIns() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.supportsSubqueriesInIns is not supported");
    }

    @Override
    public boolean supportsSubqueriesInQuantifieds() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.supportsSubqueriesInQuantifieds is not supported");
    }

    @Override
    public boolean supportsTableCorrelationNames() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.supportsTableCorrelationNames is not supported");
    }

    @Override
    public boolean supportsTransactionIsolationLevel(int p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.supportsTransactionIsolationLevel is not supported");
    }

    @Override
    public boolean supportsTransactions() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.supportsTransactions is not supported");
    }

    @Override
    public boolean supportsUnion() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.supportsUnion is not supported");
    }

    @Override
    public boolean supportsUnionAll() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.supportsUnionAll is not supported");
    }

    @Override
    public <T> T unwrap(java.lang.Class<T> p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: Wrapper.unwrap is not supported");
    }

    @Override
    public boolean updatesAreDetected(int p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.updatesAreDetected is not supported");
    }

    @Override
    public boolean usesLocalFilePerTable() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.usesLocalFilePerTable is not supported");
    }

    @Override
    public boolean usesLocalFiles() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: DatabaseMetaData.usesLocalFiles is not supported");
    }
}
