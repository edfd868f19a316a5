export * from './glance';
export * from './nova';
export * from './keystone';
